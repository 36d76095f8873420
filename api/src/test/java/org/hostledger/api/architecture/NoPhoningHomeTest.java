package org.hostledger.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.updates.UpdateChecker;
import org.hostledger.api.HostLedgerApplication;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/** A sovereignty tool does not phone home, and stores its history as JSON it can read in twenty years. */
class NoPhoningHomeTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    Serializer serializer;

    @Test
    void axonsUpdateCheckerIsDisabledAndAbsent() {
        assertThat(environment.getProperty("axon.update-check.disabled")).isEqualTo("true");
        assertThat(System.getProperty(HostLedgerApplication.UPDATE_CHECKER_DISABLED))
                .isEqualTo("true");
        assertThat(context.getBeanNamesForType(UpdateChecker.class)).isEmpty();
    }

    @Test
    void axonsConsoleBannerIsOff() {
        assertThat(System.getProperty(HostLedgerApplication.CONSOLE_MESSAGE_DISABLED))
                .isEqualTo("true");
    }

    @Test
    void axonServerIsDisabled() {
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThatThrownBy(() -> Class.forName("org.axonframework.axonserver.connector.AxonServerConfiguration"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noXStreamClassCanBeLoaded() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void eventsMessagesAndSnapshotsAreWrittenByJackson() {
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
        byte[] payload =
                jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = 1", byte[].class);
        assertThat(new String(payload))
                .startsWith("{\"hostId\":\"microsoft\"")
                .contains("\"effectiveOn\":\"2018-04-01\"");
    }
}
