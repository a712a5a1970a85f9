package io.silo.region.projectkey.service;

import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.RegionSilo;
import io.silo.common.silo.SiloIdentity;
import io.silo.region.projectkey.model.ProjectKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A key's DSNs as Sentry shows them, naming this region's public ingest host ({@code silo.region.<name>.ingest-host})
 * with the public scheme of every address clients are given ({@code silo.public.scheme}, https unless a local
 * install says http): {@code https://<public>@o.eu.example/<project id>}.
 */
@ApplicationScoped
@RegionSilo
public class DsnFormat {

    @Inject
    RegionDirectory regions;

    @Inject
    SiloIdentity silo;

    @Inject
    @ConfigProperty(name = "silo.public.scheme", defaultValue = "https")
    String scheme;

    /** What SDKs are configured with: {@code {scheme}://{public}@{host}/{project id}}. */
    public String publicDsn(ProjectKey key) {
        return scheme + "://" + key.publicKey() + "@" + host() + "/" + key.projectId();
    }

    /** The legacy form with the secret, which old SDKs sent. */
    public String secretDsn(ProjectKey key) {
        return scheme + "://" + key.publicKey() + ":" + key.secretKey() + "@" + host() + "/" + key.projectId();
    }

    private String host() {
        String region = silo.region().orElseThrow(() -> new IllegalStateException("silo.region is not set on this server"));
        return regions.require(region).ingestHost();
    }
}
