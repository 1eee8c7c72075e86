package vn.kyso.common;

/** A sentence a person reads, in Vietnamese and in English. */
public record Bilingual(String vi, String en) {
}
