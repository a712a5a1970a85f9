package io.silo.common.rpc.schema;

import io.silo.common.rpc.RpcService;
import io.silo.common.silo.ControlSilo;
import java.util.List;
import java.util.Optional;

/** Versions of made-up services, for the schema's drift and compatibility tests. */
final class SchemaFixtures {

    private SchemaFixtures() {
    }

    record Thing(long id, String name, long owner) {
    }

    record ThingLater(long id, String owner) {
    }

    record Summary(String text) {
    }

    record SummaryLater(String text, long count) {
    }

    @RpcService("fixture")
    @ControlSilo
    interface Before {
        Thing find(long id);

        void remove(long id);

        long count(String since);

        String summarize(List<Long> ids);

        void store(Thing thing);
    }

    @RpcService("fixture")
    @ControlSilo
    interface After {
        ThingLater find(String id, String tenant);

        long count();

        int summarize(List<Long> ids);

        void store(ThingLater thing);
    }

    @RpcService("compatible")
    @ControlSilo
    interface Compatible {
        Summary summarize(long id);
    }

    @RpcService("compatible")
    @ControlSilo
    interface CompatibleLater {
        SummaryLater summarize(long id, Optional<String> language);

        List<Summary> all();
    }
}
