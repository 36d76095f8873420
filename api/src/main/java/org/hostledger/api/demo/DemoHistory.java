package org.hostledger.api.demo;

import static java.time.LocalDate.parse;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.command.ChallengeHostingDecision;
import org.hostledger.core.command.GrantCertification;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.PlanMigration;
import org.hostledger.core.command.RecordHostingDecision;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.command.RenewCertification;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;

/**
 * The Health Data Hub story of {@code shared/FACTS.md}, as the commands a registrar would send. Facts that the project
 * could not verify say so in their source notes: the demo must never pass a guess off as a fact.
 */
public final class DemoHistory {

    private static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6);

    private static final SourceNote SEED = source(
            "«Health Data Hub : le choix de Microsoft soulève une question de souveraineté» (seed article, June 2020)",
            null,
            "2020-06-02");
    private static final SourceNote ANS_LIST = source(
            "ANS — liste des hébergeurs certifiés HDS",
            "https://esante.gouv.fr/offres-services/hds/liste-des-herbergeurs-certifies",
            null);
    private static final SourceNote HDS_PAGE = source(
            "ANS — certification des hébergeurs de données de santé",
            "https://esante.gouv.fr/labels-certifications/hds/certification-des-hebergeurs-de-donnees-de-sante",
            null);
    private static final SourceNote HDS_V2 = source(
            "France publishes updated certification standard for the hosting of health data (HDS v2.0)",
            "https://www.insideprivacy.com/health-privacy/france-publishes-updated-certification-standard-for-the-hosting-of-health-data/",
            "2024-05-16");
    private static final SourceNote UGAP = source(
            "Assemblée nationale — intervention on the UGAP purchase of the Health Data Hub hosting",
            "https://2017-2022.nosdeputes.fr/15/intervention/1171840",
            null);
    private static final SourceNote CE_2020 = source(
            "Conseil d'État, 13 octobre 2020, n° 444937",
            "https://www.conseil-etat.fr/fr/arianeweb/CE/decision/2020-10-13/444937",
            "2020-10-13");
    private static final SourceNote EXIT_2026 = source(
            "L'État accélère la sortie de Microsoft Azure du Health Data Hub",
            "https://www.lemondeinformatique.fr/actualites/lire-l-etat-accelere-la-sortie-de-microsoft-azure-du-health-data-hub-99278.html",
            "2026-02-09");
    private static final SourceNote STOPCOVID = source(
            "StopCovid a été téléchargée par 1,5 million de Français",
            "https://www.mind.eu.com/health/industrie/stopcovid-a-ete-telechargee-par-15-million-de-francais",
            "2020-06-04");

    /** Unverified facts carry this note next to their real sources. */
    private static SourceNote unverified(String what) {
        return source("UNVERIFIED — " + what + ": not confirmed by the sources the project holds", null, null);
    }

    private DemoHistory() {}

    public static List<LedgerCommand> commands() {
        return List.of(
                // --- Hosts -----------------------------------------------------------------------
                new RegisterHost(
                        "microsoft",
                        "Microsoft (Azure)",
                        "IE",
                        "Microsoft Corporation",
                        "US",
                        parse("2018-04-01"),
                        List.of(
                                SEED,
                                unverified(
                                        "registration date and operating entity (Microsoft Ireland Operations Ltd)"))),
                new RegisterHost(
                        "ovh",
                        "OVH (OVHcloud)",
                        "FR",
                        null,
                        null,
                        parse("2018-04-01"),
                        List.of(SEED, unverified("registration date"))),
                new RegisterHost(
                        "bretagne-telecom",
                        "Bretagne Télécom",
                        "FR",
                        null,
                        null,
                        parse("2018-04-01"),
                        List.of(SEED, unverified("registration date"))),
                new RegisterHost(
                        "asp-serveur",
                        "ASP Serveur",
                        "FR",
                        null,
                        null,
                        parse("2018-04-01"),
                        List.of(SEED, unverified("registration date"))),
                new RegisterHost(
                        "cheops",
                        "Cheops Technology",
                        "FR",
                        null,
                        null,
                        parse("2018-04-01"),
                        List.of(SEED, unverified("registration date"))),
                new RegisterHost(
                        "oodrive",
                        "Oodrive",
                        "FR",
                        null,
                        null,
                        parse("2018-04-01"),
                        List.of(SEED, unverified("registration date"))),
                new RegisterHost(
                        "outscale",
                        "3DS Outscale",
                        "FR",
                        "Dassault Systèmes",
                        "FR",
                        parse("2018-04-01"),
                        List.of(STOPCOVID, unverified("registration date"))),

                // --- HDS certificates: the French hosts, all six activities since 2018 ------------
                grant("ovh-hds"),
                renewals("ovh-hds").get(0),
                renewals("ovh-hds").get(1),
                grant("bretagne-telecom-hds"),
                renewals("bretagne-telecom-hds").get(0),
                renewals("bretagne-telecom-hds").get(1),
                grant("asp-serveur-hds"),
                renewals("asp-serveur-hds").get(0),
                renewals("asp-serveur-hds").get(1),
                grant("cheops-hds"),
                renewals("cheops-hds").get(0),
                renewals("cheops-hds").get(1),
                grant("oodrive-hds"),
                renewals("oodrive-hds").get(0),
                renewals("oodrive-hds").get(1),
                new GrantCertification(
                        "microsoft-hds",
                        "microsoft",
                        "HDS",
                        "v1",
                        "BSI",
                        ALL,
                        "Azure cloud services (scope as announced by Microsoft)",
                        parse("2018-11-15"),
                        parse("2021-11-15"),
                        List.of(
                                unverified(
                                        "Microsoft's HDS certificate: certifier, dates and scope as announced by Microsoft in November 2018"))),
                new RenewCertification(
                        "microsoft-hds",
                        parse("2024-11-15"),
                        null,
                        parse("2021-11-01"),
                        List.of(unverified("renewal assumed from Microsoft's continued HDS listing")),
                        null),
                new RenewCertification(
                        "microsoft-hds",
                        parse("2027-11-15"),
                        "v2.0",
                        parse("2024-11-01"),
                        List.of(HDS_V2, unverified("renewal on referential v2.0 assumed")),
                        null),
                new GrantCertification(
                        "outscale-hds",
                        "outscale",
                        "HDS",
                        "v1",
                        "Not stated in the sources",
                        ALL,
                        null,
                        parse("2018-09-01"),
                        parse("2021-09-01"),
                        List.of(STOPCOVID, unverified("3DS Outscale's HDS certificate and its dates"))),
                new RenewCertification(
                        "outscale-hds",
                        parse("2024-09-01"),
                        null,
                        parse("2021-08-15"),
                        List.of(unverified("renewal assumed")),
                        null),
                new RenewCertification(
                        "outscale-hds",
                        parse("2027-09-01"),
                        "v2.0",
                        parse("2024-08-15"),
                        List.of(HDS_V2, unverified("renewal on referential v2.0 assumed")),
                        null),
                new GrantCertification(
                        "outscale-secnumcloud",
                        "outscale",
                        "SECNUMCLOUD",
                        "3.2",
                        "ANSSI",
                        List.of(),
                        null,
                        parse("2023-12-01"),
                        parse("2026-12-01"),
                        List.of(unverified("3DS Outscale's SecNumCloud 3.2 qualification and its dates"))),

                // --- The Health Data Hub on Microsoft Azure ------------------------------------
                new RecordHostingDecision(
                        "hdh-azure",
                        "Plateforme des données de santé (Health Data Hub)",
                        "National health data platform (main database)",
                        "microsoft",
                        ALL,
                        parse("2019-12-01"),
                        ProcurementRoute.CENTRAL_PURCHASING,
                        "Groupe Open",
                        "Hosting entrusted to Microsoft Azure with no dedicated public tender, bought through the UGAP "
                                + "central-purchasing catalogue, with Groupe Open as prime contractor. The government "
                                + "later described a choice between health efficiency and sovereignty.",
                        List.of("OVH", "Bretagne Télécom", "ASP Serveur", "Cheops Technology", "Oodrive"),
                        List.of(SEED, UGAP, unverified("exact decision date (made public in December 2019)"))),
                new ChallengeHostingDecision(
                        "hdh-azure",
                        "Catherine Morin-Desailly, senator (Seine-Maritime)",
                        parse("2020-05-27"),
                        "The national health data platform is entrusted to a GAFAM, a US provider, while the StopCovid "
                                + "debate rejects Google and Apple in the name of sovereignty.",
                        "Sénat",
                        "Cédric O, digital minister: the government faced a choice between health efficiency and "
                                + "sovereignty and would have preferred a European company.",
                        List.of(SEED),
                        null),
                new ChallengeHostingDecision(
                        "hdh-azure",
                        "Applicants against the arrêté of 21 April 2020",
                        parse("2020-06-19"),
                        "Challenge to the arrêté of 21 April 2020 organising the platform during the health emergency.",
                        "Conseil d'État (référé)",
                        "Rejected.",
                        List.of(unverified("the applicants' names and the wording of the 19 June 2020 ruling")),
                        null),
                new ChallengeHostingDecision(
                        "hdh-azure",
                        "Applicants in case n° 444937",
                        parse("2020-10-13"),
                        "Request to suspend the platform for the risk of access by US authorities to the data.",
                        "Conseil d'État (référé, n° 444937)",
                        "Suspension refused; the court acknowledged the risk of US authorities' access and asked for "
                                + "stronger safeguards under CNIL supervision.",
                        List.of(CE_2020),
                        null),
                new PlanMigration(
                        "hdh-azure",
                        null,
                        "A new hosting solution (French or European)",
                        parse("2022-05-31"),
                        parse("2020-11-19"),
                        "The health minister committed to a new hosting solution within 12 to 18 months.",
                        List.of(CE_2020, unverified("the day of the commitment and the 18-month target date")),
                        null),
                new PlanMigration(
                        "hdh-azure",
                        null,
                        "A SecNumCloud-qualified provider through UGAP's «Nuage Public» catalogue (winner unverified)",
                        parse("2026-12-31"),
                        parse("2026-02-09"),
                        "After the 5 February 2026 circular requiring SecNumCloud for sensitive data, the July 2025 "
                                + "interim tender (SecNumCloud 3.2 and HDS) was replaced by a competition through UGAP; "
                                + "award expected end of March 2026, migration off Azure by the end of 2026.",
                        List.of(EXIT_2026),
                        null),

                // --- StopCovid on 3DS Outscale ---------------------------------------------------
                new RecordHostingDecision(
                        "stopcovid-outscale",
                        "Ministère des Solidarités et de la Santé",
                        "StopCovid back end (TousAntiCovid from October 2020)",
                        "outscale",
                        ALL,
                        parse("2020-06-02"),
                        ProcurementRoute.NO_TENDER,
                        null,
                        "Back end of the contact-tracing app hosted by 3DS Outscale (Dassault Systèmes) for its launch "
                                + "on 2 June 2020, also without a public tender.",
                        List.of(),
                        List.of(STOPCOVID, SEED)));
    }

    private static GrantCertification grant(String certificationId) {
        String hostId = certificationId.substring(0, certificationId.length() - "-hds".length());
        return new GrantCertification(
                certificationId,
                hostId,
                "HDS",
                "v1",
                "Not stated in the sources",
                ALL,
                null,
                parse("2018-07-01"),
                parse("2021-07-01"),
                List.of(
                        SEED,
                        ANS_LIST,
                        unverified(
                                "certifier and exact validity dates (the seed reports all six activities since 2018)")));
    }

    private static List<RenewCertification> renewals(String certificationId) {
        return List.of(
                new RenewCertification(
                        certificationId,
                        parse("2024-07-01"),
                        null,
                        parse("2021-06-15"),
                        List.of(ANS_LIST, unverified("renewal assumed: HDS certificates last 3 years")),
                        null),
                new RenewCertification(
                        certificationId,
                        parse("2027-07-01"),
                        "v2.0",
                        parse("2024-06-15"),
                        List.of(HDS_PAGE, HDS_V2, unverified("renewal on referential v2.0 assumed")),
                        null));
    }

    private static SourceNote source(String title, String url, String publishedOn) {
        return new SourceNote(title, url, publishedOn == null ? null : LocalDate.parse(publishedOn));
    }
}
