package vn.kyso.subscriber;

public enum SubscriberStatus {
    ACTIVE, RETIRED, RESIGNED, MOVED, DECEASED, DISSOLVED
}
