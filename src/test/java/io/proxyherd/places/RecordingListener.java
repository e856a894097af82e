package io.proxyherd.places;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps, in order, what a search told its listener: "hit", "miss", "called" or "failed". */
final class RecordingListener implements PlacesListener {

    private final List<String> told = new CopyOnWriteArrayList<>();

    @Override
    public void cacheLookup(boolean hit) {
        told.add(hit ? "hit" : "miss");
    }

    @Override
    public void called(boolean succeeded) {
        told.add(succeeded ? "called" : "failed");
    }

    List<String> told() {
        return List.copyOf(told);
    }

    long count(String what) {
        return told.stream().filter(what::equals).count();
    }
}
