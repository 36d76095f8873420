package org.hostledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.hostledger.core.alert.AlertKind;
import org.hostledger.core.event.upcasting.LedgerUpcasters;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.RegisterFinding;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.AccessGround;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainRole;
import org.hostledger.core.offering.HdsStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type's stored JSON, as the event store writes it today, kept in {@code golden/events/<Type>.json}: the
 * history already written must still read back after any change to an event class. A change that breaks a file here
 * needs an upcaster (and a new golden file for the new revision), not an edit of the old file. The facts in the files
 * are illustrative. Older revisions of changed events stay in {@code golden/revisions/} and must read, through the
 * ledger's upcasters, as the current event. The files of the first fifteen types were written by hand; those of the register and offering events were
 * written once by the serializer of the day and read through, so that they freeze the format that history has.
 */
class GoldenEventJsonTest {

    private static final String GOLDEN = "/golden/events/";

    private static final ObjectMapper MAPPER = EventJson.mapper();

    /** The instance each golden file must read as: every field set that the file holds, no other. */
    static Stream<LedgerEvent> events() {
        return Stream.of(
                new HostRegistered(
                        "h-ovh",
                        "OVH SAS",
                        "FR",
                        null,
                        null,
                        LocalDate.of(2018, 11, 5),
                        List.of(new SourceNote(
                                "Liste des hébergeurs certifiés HDS",
                                "https://esante.gouv.fr/offres-services/hds/liste-des-herbergeurs-certifies",
                                LocalDate.of(2024, 1, 15)))),
                new HostOwnershipChanged(
                        "h-ovh",
                        "OVH Groupe SA",
                        "FR",
                        LocalDate.of(2021, 10, 15),
                        "Introduction en bourse du groupe",
                        List.of(source("OVHcloud document d'enregistrement"))),
                new HostCorrected(
                        "h-ovh",
                        "OVH SAS",
                        "FR",
                        "OVH Groupe SA",
                        "FR",
                        LocalDate.of(2018, 11, 5),
                        "Date d'enregistrement mal saisie",
                        List.of(new SourceNote("Extrait Kbis", null, LocalDate.of(2018, 11, 5)))),
                new CertificationGranted(
                        "c-ovh-hds-2018",
                        "h-ovh",
                        "HDS",
                        "HDS v1.1",
                        "LNE",
                        List.of(1, 2, 3, 4, 5, 6),
                        "Datacentres de Roubaix et Gravelines",
                        LocalDate.of(2018, 11, 5),
                        LocalDate.of(2021, 11, 4),
                        List.of(new SourceNote(
                                "Certificat HDS n° 2018-042", "https://example.org/certificats/2018-042.pdf", null))),
                new CertificationCorrected(
                        "c-ovh-hds-2018",
                        "h-ovh",
                        "HDS v1.1",
                        "LNE",
                        List.of(1, 2, 3, 4, 5),
                        "Datacentre de Roubaix",
                        LocalDate.of(2018, 11, 6),
                        LocalDate.of(2021, 11, 5),
                        "Activité 6 non couverte par le certificat",
                        List.of(source("Certificat HDS n° 2018-042, annexe"))),
                new CertificationSuspended(
                        "c-ovh-hds-2018",
                        LocalDate.of(2020, 3, 2),
                        "Non-conformité majeure à l'audit de surveillance",
                        List.of(new SourceNote("Avis de suspension", null, LocalDate.of(2020, 3, 2)))),
                new CertificationReinstated(
                        "c-ovh-hds-2018",
                        LocalDate.of(2020, 5, 18),
                        "Plan d'action validé",
                        List.of(source("Levée de la suspension"))),
                new CertificationWithdrawn(
                        "c-ovh-hds-2018",
                        LocalDate.of(2021, 6, 30),
                        "Retrait à la demande de l'hébergeur",
                        List.of(source("Avis de retrait"))),
                new CertificationRenewed(
                        "c-ovh-hds-2018",
                        LocalDate.of(2024, 11, 4),
                        null,
                        LocalDate.of(2021, 10, 20),
                        List.of(source("Certificat HDS renouvelé"))),
                new CertificationScopeChanged(
                        "c-ovh-hds-2018",
                        List.of(1, 2, 5),
                        LocalDate.of(2019, 9, 1),
                        "Infogérance sortie du périmètre",
                        List.of(source("Avenant au certificat"))),
                new HostingDecisionRecorded(
                        "d-hdh-azure",
                        "Plateforme des données de santé (Health Data Hub)",
                        "Plateforme technologique du Health Data Hub",
                        "h-microsoft",
                        List.of(1, 2, 3, 4, 5, 6),
                        LocalDate.of(2019, 4, 15),
                        ProcurementRoute.CENTRAL_PURCHASING,
                        "Microsoft Ireland Operations Ltd",
                        "Seule offre jugée prête à la date de lancement",
                        List.of("OVHcloud", "Outscale"),
                        List.of(new SourceNote(
                                "Délibération CNIL n° 2020-044",
                                "https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000041806836",
                                LocalDate.of(2020, 4, 20)))),
                new HostingDecisionCorrected(
                        "d-hdh-azure",
                        "Plateforme des données de santé (Health Data Hub)",
                        "Plateforme technologique du Health Data Hub",
                        "h-microsoft",
                        List.of(1, 2, 3, 4, 5, 6),
                        LocalDate.of(2019, 4, 10),
                        ProcurementRoute.FRAMEWORK_AGREEMENT,
                        "Microsoft Ireland Operations Ltd",
                        null,
                        List.of(),
                        "Marché subséquent d'un accord-cadre, non un achat au catalogue",
                        List.of(source("Rapport de la Cour des comptes")),
                        "microsoft-azure-health-data-services"),
                new HostingDecisionChallenged(
                        "d-hdh-azure",
                        "Collectif SantéNathon",
                        LocalDate.of(2020, 10, 8),
                        "Transferts possibles de données de santé vers les États-Unis",
                        "Conseil d'État, référé-liberté",
                        "Rejet, avec injonctions",
                        List.of(source("CE, ord., 13 octobre 2020, n° 444937"))),
                new MigrationPlanned(
                        "d-hdh-azure",
                        null,
                        "Hébergeur qualifié SecNumCloud",
                        LocalDate.of(2025, 12, 31),
                        LocalDate.of(2022, 1, 10),
                        "Engagement du ministre devant la CNIL",
                        List.of(source("Lettre du ministre à la CNIL"))),
                new HostingDecisionEnded(
                        "d-hdh-azure",
                        LocalDate.of(2026, 3, 31),
                        "Données migrées",
                        "d-hdh-secnum",
                        List.of(new SourceNote("Communiqué de fin de migration", null, LocalDate.of(2026, 4, 2)))),
                new RegisterEntryListed(
                        "fedramp:F1603047866",
                        FEDRAMP_2024_06,
                        "F1603047866",
                        FACTS_AUTHORIZED,
                        LocalDate.of(2023, 1, 20),
                        List.of(FEDRAMP_2024_06.note())),
                new RegisterEntryChanged(
                        "fedramp:F1603047866",
                        FEDRAMP_2024_06,
                        "F1603047866",
                        FACTS_IN_PROCESS,
                        FACTS_AUTHORIZED,
                        List.of("status", "stage"),
                        LocalDate.of(2024, 5, 30),
                        List.of(FEDRAMP_2024_06.note())),
                new RegisterEntryDelisted(
                        "fedramp:F1603047866",
                        FEDRAMP_2024_06,
                        "F1603047866",
                        Instant.parse("2024-05-01T03:51:07Z"),
                        LocalDate.of(2024, 6, 1),
                        List.of(FEDRAMP_2024_06.note())),
                new RegisterEntryRelisted(
                        "fedramp:F1603047866",
                        FEDRAMP_2024_06,
                        "F1603047866",
                        FACTS_AUTHORIZED,
                        LocalDate.of(2024, 6, 1),
                        List.of(FEDRAMP_2024_06.note())),
                new RegisterSnapshotImported(
                        "register:fedramp",
                        FEDRAMP_2024_06,
                        612,
                        Map.of("LISTED", 3, "CHANGED", 12),
                        List.of(new RegisterFinding(
                                "data.Products[17].auth_date",
                                "F1603047866",
                                "auth_date",
                                "PLACEHOLDER",
                                "Not Authorized")),
                        LocalDate.of(2024, 6, 1),
                        List.of(FEDRAMP_2024_06.note())),
                new OfferingAdded(
                        "ovhcloud-relational-database",
                        "ovh",
                        "OVHcloud",
                        "Relational Database",
                        CHAIN,
                        false,
                        LocalDate.of(2024, 5, 14),
                        List.of(MAP_2024_05.note()),
                        MAP_2024_05),
                new OfferingChainChanged(
                        "ovhcloud-relational-database",
                        List.of(CHAIN.get(0)),
                        List.of(),
                        List.of("Aiven OY"),
                        List.of(),
                        LocalDate.of(2024, 12, 1),
                        List.of(MAP_2024_05.note()),
                        MAP_2024_05),
                new OfferingRemoved(
                        "ovhcloud-relational-database",
                        LocalDate.of(2025, 1, 1),
                        List.of(MAP_2024_05.note()),
                        MAP_2024_05),
                new OfferingCorrected(
                        "ovhcloud-relational-database",
                        CHAIN,
                        LocalDate.of(2024, 5, 14),
                        "Activities of the subcontractor mistyped",
                        List.of(source("Représentation des garanties HDS, page corrigée"))),
                new AlertRecorded(
                        "alert:decision-gap:hdh-azure:1",
                        AlertKind.DECISION_GAP,
                        "hdh-azure",
                        "microsoft-azure",
                        "1",
                        List.of("hdh-azure"),
                        null,
                        List.of(5, 6),
                        LocalDate.of(2026, 12, 1),
                        List.of(source("HostLedger alert job, from the facts recorded in the ledger"))));
    }

    private static final RegisterCitation FEDRAMP_2024_06 = new RegisterCitation(
            "fedramp",
            Instant.parse("2024-06-01T03:51:10Z"),
            "0f343b0931126a20f133d67c2b018a3b0f343b0931126a20f133d67c2b018a3b",
            "https://github.com/GSA/marketplace-fedramp-gov-data");

    private static final RegisterEntryFacts FACTS_IN_PROCESS = new RegisterEntryFacts(
            "Example Cloud Platform",
            "Example CSP",
            "FedRAMP In Process",
            "IN_PROCESS",
            "High",
            "Example 3PAO",
            null,
            null);

    private static final RegisterEntryFacts FACTS_AUTHORIZED = new RegisterEntryFacts(
            "Example Cloud Platform",
            "Example CSP",
            "FedRAMP Authorized",
            "AUTHORIZED",
            "High",
            "Example 3PAO",
            null,
            null);

    private static final RegisterCitation MAP_2024_05 = new RegisterCitation(
            "hds-transfer-maps",
            Instant.parse("2024-05-14T00:00:00Z"),
            "5a0e4b7c1d9f2e3a5a0e4b7c1d9f2e3a5a0e4b7c1d9f2e3a5a0e4b7c1d9f2e3a",
            null);

    private static final List<ChainActor> CHAIN = List.of(
            new ChainActor(
                    "OVH SAS",
                    "ovh",
                    ChainRole.HOST,
                    null,
                    HdsStatus.CERTIFIED,
                    null,
                    true,
                    List.of(1, 2, 3, 4, 5, 6),
                    false,
                    List.of(),
                    null,
                    false,
                    List.of(),
                    null),
            new ChainActor(
                    "Aiven OY",
                    null,
                    ChainRole.SUBCONTRACTOR,
                    "OVH SAS",
                    HdsStatus.EXEMPTED,
                    "No access to health data in clear",
                    false,
                    List.of(4, 5, 6),
                    true,
                    List.of("CA", "GB"),
                    AccessGround.ADEQUACY_DECISION,
                    true,
                    List.of("CA", "GB"),
                    "Managed database operations"));

    private static SourceNote source(String title) {
        return new SourceNote(title, null, null);
    }

    /**
     * Older revisions as they were stored, in {@code golden/revisions/<Type>.<revision>.json} (the files of the day,
     * kept as they were), and the event each must read as through the ledger's upcasters: the old file of a changed
     * event never goes away, since the store still holds rows of that shape.
     */
    static Stream<Arguments> olderRevisions() {
        return Stream.of(
                Arguments.of(
                        "HostingDecisionChallenged.1.json",
                        new HostingDecisionChallenged(
                                "d-hdh-azure",
                                "Collectif SantéNathon",
                                LocalDate.of(2020, 10, 8),
                                "Transferts possibles de données de santé vers les États-Unis",
                                "Conseil d'État, référé-liberté",
                                "Rejet, avec injonctions",
                                List.of(source("CE, ord., 13 octobre 2020, n° 444937")))),
                Arguments.of(
                        "HostingDecisionCorrected.1.json",
                        new HostingDecisionCorrected(
                                "d-hdh-azure",
                                "Plateforme des données de santé (Health Data Hub)",
                                "Plateforme technologique du Health Data Hub",
                                "h-microsoft",
                                List.of(1, 2, 3, 4, 5, 6),
                                LocalDate.of(2019, 4, 10),
                                ProcurementRoute.FRAMEWORK_AGREEMENT,
                                "Microsoft Ireland Operations Ltd",
                                null,
                                List.of(),
                                "Marché subséquent d'un accord-cadre, non un achat au catalogue",
                                List.of(source("Rapport de la Cour des comptes")))));
    }

    @ParameterizedTest
    @MethodSource("olderRevisions")
    void anOlderRevisionReadsAsTheEventThroughTheUpcasters(String file, LedgerEvent expected) throws IOException {
        byte[] stored;
        try (InputStream in = GoldenEventJsonTest.class.getResourceAsStream("/golden/revisions/" + file)) {
            assertThat(in).as("older revision %s", file).isNotNull();
            stored = in.readAllBytes();
        }
        // Stored without a revision, as the rows written before the type had a @Revision.
        List<IntermediateEventRepresentation> read = throughTheUpcasters(stored, expected.getClass(), null);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getRevision())
                .as("the revision now on the class")
                .isEqualTo(expected.getClass().getAnnotation(Revision.class).value());
        Object event = SERIALIZER.deserialize(read.get(0).getData());
        assertThat(event).isEqualTo(expected);
        // Without the upcasters, the renamed field would be lost: the file is really the old shape.
        if (expected instanceof HostingDecisionChallenged challenged) {
            assertThat(MAPPER.readValue(stored, HostingDecisionChallenged.class).challenger())
                    .isNull();
            assertThat(challenged.challenger()).isNotNull();
        }
    }

    /** The current revision's rows pass the upcasters untouched. */
    @Test
    void theCurrentRevisionIsNotUpcast() throws IOException {
        byte[] stored;
        try (InputStream in = golden(HostingDecisionChallenged.class)) {
            stored = in.readAllBytes();
        }

        List<IntermediateEventRepresentation> read = throughTheUpcasters(stored, HostingDecisionChallenged.class, "2");

        assertThat(read.get(0).getType().getRevision()).isEqualTo("2");
        assertThat(((HostingDecisionChallenged)
                                SERIALIZER.deserialize(read.get(0).getData()))
                        .challenger())
                .isEqualTo("Collectif SantéNathon");
    }

    private static final JacksonSerializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(MAPPER).build();

    /** A stored row of this payload, type and revision, as the event store reads it: through the upcasters. */
    private static List<IntermediateEventRepresentation> throughTheUpcasters(
            byte[] payload, Class<?> type, String revision) {
        DomainEventData<byte[]> row = new GenericDomainEventEntry<>(
                "HostingDecision",
                "d-hdh-azure",
                3,
                "e-1",
                Instant.parse("2022-01-10T10:00:00Z"),
                type.getName(),
                revision,
                payload,
                "{}".getBytes(StandardCharsets.UTF_8));
        return LedgerUpcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(row, SERIALIZER)))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("events")
    void theGoldenFileReadsAsTheEvent(LedgerEvent expected) throws IOException {
        assertThat(MAPPER.readValue(golden(expected.getClass()), expected.getClass()))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("events")
    void theEventIsWrittenAsTheGoldenFile(LedgerEvent event) throws IOException {
        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsBytes(event));
        assertThat(written).isEqualTo(MAPPER.readTree(golden(event.getClass())));
    }

    @Test
    void everyEventTypeHasAGoldenFileAndAnExpectedInstance() throws Exception {
        Set<String> types = concreteEventTypes();
        Set<String> goldenFiles;
        try (Stream<Path> files =
                Files.list(Path.of(getClass().getResource(GOLDEN).toURI()))) {
            goldenFiles = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected =
                events().map(e -> e.getClass().getSimpleName()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(types).as("the event types found").contains("HostRegistered", "HostingDecisionEnded");
        assertThat(goldenFiles).as("golden files, one per event type").isEqualTo(types);
        assertThat(expected).as("expected instances, one per event type").isEqualTo(types);
    }

    /** A stored event may hold fields this version does not know (written by a newer one): they are skipped. */
    @Test
    void unknownFieldsAreIgnoredAndDatesAreIsoText() throws IOException {
        CertificationSuspended read = MAPPER.readValue(
                "{\"certificationId\":\"c-1\",\"effectiveOn\":\"2020-03-02\",\"severity\":\"major\","
                        + "\"sources\":[{\"title\":\"Avis\",\"pages\":3}]}",
                CertificationSuspended.class);

        assertThat(read)
                .isEqualTo(new CertificationSuspended(
                        "c-1", LocalDate.of(2020, 3, 2), null, List.of(new SourceNote("Avis", null, null))));
        assertThat(MAPPER.writeValueAsString(read))
                .isEqualTo("{\"certificationId\":\"c-1\",\"effectiveOn\":\"2020-03-02\","
                        + "\"sources\":[{\"title\":\"Avis\"}]}");
    }

    @Test
    void eachCallGetsItsOwnMapper() {
        assertThat(EventJson.mapper()).isNotSameAs(EventJson.mapper());
    }

    private static InputStream golden(Class<?> type) {
        InputStream in = GoldenEventJsonTest.class.getResourceAsStream(GOLDEN + type.getSimpleName() + ".json");
        assertThat(in).as("golden file of %s", type.getSimpleName()).isNotNull();
        return in;
    }

    /** The concrete classes of the event package that implement LedgerEvent, read from the compiled classes. */
    private static Set<String> concreteEventTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(LedgerEvent.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (Files.isDirectory(root)) {
            return concreteEventTypes(root);
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            return concreteEventTypes(jar.getPath("/"));
        }
    }

    private static Set<String> concreteEventTypes(Path root) throws IOException, ClassNotFoundException {
        String pkg = LedgerEvent.class.getPackageName();
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.equals("package-info.class")) {
                    continue;
                }
                Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
                if (LedgerEvent.class.isAssignableFrom(type)
                        && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    types.add(type.getSimpleName());
                }
            }
        }
        return types;
    }
}
