package kusari.challenge;

/** 課題N: a numbered problem that spans one or more steps. */
public record Challenge(long id, int number, String title) {
}
