package org.hostledger.api.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainAssessment;
import org.hostledger.core.offering.ChainRole;

/**
 * The chain behind an offering as SVG coordinates: one box per actor, indented under the actor it works for (the host
 * first), joined by elbow lines; an actor with access from outside the EEA or exposure to non-EU law is marked, and
 * so is one performing none of the activities asked (when activities are given). Computed here so that the template
 * only places shapes and labels (FR / EN from the messages).
 */
record ChainDiagram(int width, int height, List<Box> boxes, List<Link> links) {

    static final int WIDTH = 800;
    static final int BOX_WIDTH = 470;
    static final int BOX_HEIGHT = 78;
    static final int GAP = 16;
    static final int INDENT = 60;
    static final int MARGIN = 10;

    /**
     * @param exposing access from outside the EEA or exposure to non-EU law
     * @param involved performs one of the decision's activities (always true without a decision)
     */
    record Box(ChainActor actor, double x, double y, String activities, boolean exposing, boolean involved) {

        public int width() {
            return BOX_WIDTH;
        }

        public int height() {
            return BOX_HEIGHT;
        }

        public double textX() {
            return x + 10;
        }

        public double line(int n) {
            return y + 20 + 18 * n;
        }

        public boolean isHost() {
            return actor.role() == ChainRole.HOST;
        }
    }

    record Link(double x1, double y1, double x2, double y2) {}

    /** The diagram of {@code chain}, with the actors involved in {@code activities} (null: all); null without chain. */
    static ChainDiagram of(List<ChainActor> chain, List<Integer> activities) {
        if (chain == null || chain.isEmpty()) {
            return null;
        }
        Map<String, List<ChainActor>> children = new HashMap<>();
        ChainActor host = null;
        for (ChainActor a : chain) {
            if (a.role() == ChainRole.HOST) {
                host = a;
            }
        }
        for (ChainActor a : chain) {
            if (a == host) {
                continue;
            }
            String parent = a.under() != null ? a.under() : host == null ? null : host.actor();
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(a);
        }
        List<Box> boxes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Map<String, Box> placed = new HashMap<>();
        List<ChainActor> roots = host == null ? chain : List.of(host);
        for (ChainActor root : roots) {
            place(root, 0, null, children, activities, boxes, links, placed);
        }
        double bottom =
                boxes.stream().mapToDouble(b -> b.y() + BOX_HEIGHT).max().orElse(0);
        return new ChainDiagram(WIDTH, (int) Math.ceil(bottom + MARGIN), boxes, links);
    }

    private static void place(
            ChainActor actor,
            int depth,
            Box parent,
            Map<String, List<ChainActor>> children,
            List<Integer> activities,
            List<Box> boxes,
            List<Link> links,
            Map<String, Box> placed) {
        if (placed.containsKey(actor.actor())) {
            return; // the rules refuse cycles; never loop on one that slipped through
        }
        double x = MARGIN + depth * INDENT;
        double y = MARGIN + boxes.size() * (BOX_HEIGHT + GAP);
        List<Integer> sorted = actor.activities().stream().sorted().toList();
        Box box = new Box(
                actor,
                x,
                y,
                sorted.isEmpty() ? "" : ChainAssessment.range(sorted),
                actor.accessFromOutsideEea() || actor.exposedToNonEuLaw(),
                activities == null || actor.activities().stream().anyMatch(activities::contains));
        boxes.add(box);
        placed.put(actor.actor(), box);
        if (parent != null) {
            double fromX = parent.x() + INDENT / 2.0;
            links.add(new Link(fromX, parent.y() + BOX_HEIGHT, fromX, y + BOX_HEIGHT / 2.0));
            links.add(new Link(fromX, y + BOX_HEIGHT / 2.0, x, y + BOX_HEIGHT / 2.0));
        }
        for (ChainActor child : children.getOrDefault(actor.actor(), List.of())) {
            place(child, depth + 1, box, children, activities, boxes, links, placed);
        }
    }
}
