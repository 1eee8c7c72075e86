package vn.kyso.certificate;

/** Where the private key lives: a USB token, a SIM (mobile PKI), a central HSM for remote signing, or software. */
public enum Storage {
    TOKEN, SIM, HSM, SOFTWARE
}
