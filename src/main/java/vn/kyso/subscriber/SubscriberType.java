package vn.kyso.subscriber;

/** Mẫu 01, 02 and 03: an official, an organisation (its seal), a device, service or software. */
public enum SubscriberType {
    INDIVIDUAL, ORGANIZATION, DEVICE
}
