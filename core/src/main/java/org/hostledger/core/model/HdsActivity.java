package org.hostledger.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six activities of the French HDS scheme (Code de la santé publique, art. R.1111-9).
 *
 * <p>The number is the stable code stored in events. Publications differ on the order of activities 3 and 4, so
 * code, key and labels are kept together and nothing relies on the enum's position.
 */
public enum HdsActivity {
    PHYSICAL_SITES(
            1,
            "Mise à disposition et maintien en condition opérationnelle des sites physiques",
            "Physical sites hosting the hardware infrastructure"),
    HARDWARE_INFRASTRUCTURE(
            2,
            "Mise à disposition et maintien en condition opérationnelle de l'infrastructure matérielle",
            "Hardware infrastructure"),
    VIRTUAL_INFRASTRUCTURE(
            3,
            "Mise à disposition et maintien en condition opérationnelle de l'infrastructure virtuelle",
            "Virtual infrastructure"),
    APPLICATION_PLATFORM(
            4,
            "Mise à disposition et maintien en condition opérationnelle de la plateforme d'hébergement d'applications",
            "Application hosting platform"),
    OPERATIONS(
            5,
            "Administration et exploitation du système d'information contenant les données de santé",
            "Administration and operation of the information system holding the data"),
    BACKUP(6, "Sauvegarde externalisée des données de santé", "Backup of health data");

    private final int code;
    private final String labelFr;
    private final String labelEn;

    HdsActivity(int code, String labelFr, String labelEn) {
        this.code = code;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    public int code() {
        return code;
    }

    public String labelFr() {
        return labelFr;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<HdsActivity> ofCode(int code) {
        return Arrays.stream(values()).filter(a -> a.code == code).findFirst();
    }
}
