package org.hostledger.api.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code hostledger.*} settings; each is documented in the README's configuration table. */
@ConfigurationProperties(prefix = "hostledger")
public class LedgerProperties {

    /** Where the embedded H2 database lives. */
    private Path dataDir = Path.of("./data");

    /** On an empty store, record the Health Data Hub history at start-up. */
    private boolean demoData = true;

    /** Take a snapshot of an aggregate every this many events, so that long histories load fast. */
    private int snapshotThreshold = 100;

    /**
     * Keep recently used aggregates in memory. Safe on one node; with several nodes each cached aggregate is checked
     * against the store's last sequence before use.
     */
    private boolean aggregateCache = true;

    /** Certification schemes besides the built-in HDS. */
    private List<SchemeSetting> schemes = new ArrayList<>();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public boolean isDemoData() {
        return demoData;
    }

    public void setDemoData(boolean demoData) {
        this.demoData = demoData;
    }

    public int getSnapshotThreshold() {
        return snapshotThreshold;
    }

    public void setSnapshotThreshold(int snapshotThreshold) {
        this.snapshotThreshold = snapshotThreshold;
    }

    public boolean isAggregateCache() {
        return aggregateCache;
    }

    public void setAggregateCache(boolean aggregateCache) {
        this.aggregateCache = aggregateCache;
    }

    public List<SchemeSetting> getSchemes() {
        return schemes;
    }

    public void setSchemes(List<SchemeSetting> schemes) {
        this.schemes = schemes;
    }

    /** One configured scheme: code, name, the activity codes it knows (none is fine) and its longest validity. */
    public static class SchemeSetting {
        private String code;
        private String name;
        private List<Integer> activities = new ArrayList<>();
        private int maxValidityYears = 3;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<Integer> getActivities() {
            return activities;
        }

        public void setActivities(List<Integer> activities) {
            this.activities = activities;
        }

        public int getMaxValidityYears() {
            return maxValidityYears;
        }

        public void setMaxValidityYears(int maxValidityYears) {
            this.maxValidityYears = maxValidityYears;
        }
    }
}
