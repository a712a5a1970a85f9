package io.silo.control.organization.service;

import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.ControlSilo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public addresses clients are given: a region's API host and an organization's customer domain
 * ({@code {slug}.{public host}}), with the public scheme ({@code silo.public.scheme}, https unless a local
 * install says http).
 */
@ApplicationScoped
@ControlSilo
public class PublicUrls {

    @Inject
    RegionDirectory regions;

    @Inject
    @ConfigProperty(name = "silo.public.host", defaultValue = "localhost")
    String publicHost;

    @Inject
    @ConfigProperty(name = "silo.public.scheme", defaultValue = "https")
    String scheme;

    public String region(String regionName) {
        return scheme + "://" + regions.require(regionName).apiHost();
    }

    public String organization(String slug) {
        return scheme + "://" + slug + "." + publicHost;
    }
}
