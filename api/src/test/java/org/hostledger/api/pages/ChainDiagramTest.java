package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hostledger.core.offering.AccessGround;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainRole;
import org.hostledger.core.offering.HdsStatus;
import org.junit.jupiter.api.Test;

class ChainDiagramTest {

    private static ChainActor actor(String name, ChainRole role, String under, List<Integer> activities, boolean out) {
        return new ChainActor(
                name,
                null,
                role,
                under,
                HdsStatus.CERTIFIED,
                null,
                false,
                activities,
                out,
                out ? List.of("US") : List.of(),
                out ? AccessGround.ART_46_SAFEGUARDS : null,
                false,
                List.of(),
                null);
    }

    @Test
    void subcontractorsAreIndentedUnderWhoTheyWorkForAndExposingOnesMarked() {
        ChainDiagram diagram = ChainDiagram.of(
                List.of(
                        actor("Sub", ChainRole.SUBCONTRACTOR, null, List.of(4, 5, 6), true),
                        actor("Host", ChainRole.HOST, null, List.of(1, 2, 3), false),
                        actor("SubSub", ChainRole.SUBCONTRACTOR, "Sub", List.of(5), false)),
                List.of(1, 2, 3));
        assertThat(diagram.boxes()).extracting(b -> b.actor().actor()).containsExactly("Host", "Sub", "SubSub");
        assertThat(diagram.boxes()).extracting(ChainDiagram.Box::x).containsExactly(10.0, 70.0, 130.0);
        assertThat(diagram.boxes()).extracting(ChainDiagram.Box::exposing).containsExactly(false, true, false);
        assertThat(diagram.boxes()).extracting(ChainDiagram.Box::involved).containsExactly(true, false, false);
        assertThat(diagram.boxes().get(1).activities()).isEqualTo("4–6");
        assertThat(diagram.links()).hasSize(4);
        assertThat(diagram.height()).isEqualTo(10 + 3 * 78 + 2 * 16 + 10);
        assertThat(ChainDiagram.of(List.of(), null)).isNull();
    }
}
