package org.hostledger.api.application.registers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The registers this ledger imports: {@code fedramp}, {@code hds}, {@code secnumcloud} and {@code hds-transfer-maps}
 * (each host's HDS v2 transfer map) built in, others (or other
 * settings for those) from {@code hostledger.registers[n].id / name / publisher / format / scheme / home-page}.
 *
 * <p>The list is bound element by element: Spring's list binder would refuse the scalar
 * {@code hostledger.registers.max-snapshot-bytes} that shares its prefix.
 */
@Component
public class RegisterCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    public static final RegisterDefinition FEDRAMP = new RegisterDefinition(
            "fedramp",
            "FedRAMP Marketplace",
            "US General Services Administration",
            RegisterFormat.FEDRAMP_JSON,
            "FEDRAMP",
            "https://marketplace.fedramp.gov");

    public static final RegisterDefinition HDS = new RegisterDefinition(
            "hds",
            "Liste des hébergeurs certifiés HDS",
            "Agence du numérique en santé",
            RegisterFormat.REGISTER_CSV,
            "HDS",
            "https://esante.gouv.fr/offres-services/hds/liste-des-hebergeurs-certifies");

    public static final RegisterDefinition SECNUMCLOUD = new RegisterDefinition(
            "secnumcloud",
            "Offres qualifiées SecNumCloud",
            "ANSSI",
            RegisterFormat.REGISTER_CSV,
            "SECNUMCLOUD",
            "https://cyber.gouv.fr/produits-services-qualifies");

    public static final RegisterDefinition HDS_TRANSFER_MAPS = new RegisterDefinition(
            "hds-transfer-maps",
            "Cartographies des transferts HDS v2 (exigences 29 et 30)",
            "Hébergeurs certifiés HDS",
            RegisterFormat.TRANSFER_MAP_CSV,
            "HDS",
            "https://esante.gouv.fr/produits-services/hds");

    private final Map<String, RegisterDefinition> registers = new LinkedHashMap<>();

    public RegisterCatalog(Environment environment) {
        for (RegisterDefinition builtIn : new RegisterDefinition[] {FEDRAMP, HDS, SECNUMCLOUD, HDS_TRANSFER_MAPS}) {
            registers.put(builtIn.id(), builtIn);
        }
        Binder binder = Binder.get(environment);
        for (int i = 0; ; i++) {
            var setting = binder.bind("hostledger.registers[" + i + "]", Setting.class);
            if (!setting.isBound()) {
                break;
            }
            RegisterDefinition definition = setting.get().definition("hostledger.registers[" + i + "]");
            registers.put(definition.id(), definition);
        }
    }

    public Optional<RegisterDefinition> find(String id) {
        return Optional.ofNullable(registers.get(id));
    }

    public Collection<RegisterDefinition> all() {
        return registers.values();
    }

    /** One configured register; every field but the home page is required. */
    public record Setting(
            String id, String name, String publisher, RegisterFormat format, String scheme, String homePage) {

        RegisterDefinition definition(String key) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalStateException(key + ".id must match " + ID + ", not '" + id + "'");
            }
            if (name == null || publisher == null || format == null || scheme == null) {
                throw new IllegalStateException(key + " needs a name, a publisher, a format and a scheme");
            }
            return new RegisterDefinition(id, name, publisher, format, scheme, homePage);
        }
    }
}
