package kusari.indicator;

import kusari.ApiClient;

/** Lets tests of other packages (the browser tests) build {@link OtherMunicipality}. */
public final class OtherMunicipalityAccess {

    private OtherMunicipalityAccess() {
    }

    public static void build(ApiClient api) {
        OtherMunicipality.build(api);
    }
}
