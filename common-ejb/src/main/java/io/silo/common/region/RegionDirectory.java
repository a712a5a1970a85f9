package io.silo.common.region;

import io.silo.common.id.SnowflakeGenerator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The regions of this installation, from configuration:
 * <pre>
 * silo.regions=us,eu
 * silo.region.us.id=1
 * silo.region.us.address=http://127.0.0.1:8081
 * silo.region.us.api-host=us.localhost
 * silo.region.us.ingest-host=o.us.example   (default: the api-host)
 * silo.region.us.category=MULTI_TENANT     (default)
 * silo.region.us.visible=true               (default)
 * </pre>
 * A directory that could route data to the wrong region is refused whole, with one line saying why.
 */
public final class RegionDirectory {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final Map<String, Region> regions;

    private RegionDirectory(Map<String, Region> regions) {
        this.regions = Collections.unmodifiableMap(regions);
    }

    /** @param config looks a configuration key up; empty when it is not set */
    public static RegionDirectory fromConfig(Function<String, Optional<String>> config) {
        String list = config.apply("silo.regions").orElse("").strip();
        Map<String, Region> regions = new LinkedHashMap<>();
        Map<Integer, String> ids = new HashMap<>();
        if (list.isEmpty()) {
            return new RegionDirectory(regions);
        }
        for (String raw : list.split(",")) {
            String name = raw.strip();
            if (!NAME.matcher(name).matches()) {
                throw invalid("region name '" + name + "' must be lowercase letters, digits and hyphens");
            }
            if (regions.containsKey(name)) {
                throw invalid("region '" + name + "' is listed twice in silo.regions");
            }
            String prefix = "silo.region." + name + ".";
            int id = parseId(name, config.apply(prefix + "id")
                    .orElseThrow(() -> invalid("region '" + name + "' has no " + prefix + "id")));
            String other = ids.putIfAbsent(id, name);
            if (other != null) {
                throw invalid("regions '" + other + "' and '" + name + "' both have id " + id);
            }
            URI address = config.apply(prefix + "address").map(URI::create)
                    .orElseThrow(() -> invalid("region '" + name + "' has no " + prefix + "address"));
            String apiHost = config.apply(prefix + "api-host").orElse(name + ".localhost");
            String ingestHost = config.apply(prefix + "ingest-host").orElse(apiHost);
            RegionCategory category = parseCategory(name, config.apply(prefix + "category").orElse("MULTI_TENANT"));
            boolean visible = Boolean.parseBoolean(config.apply(prefix + "visible").orElse("true"));
            regions.put(name, new Region(name, id, address, apiHost, ingestHost, category, visible));
        }
        return new RegionDirectory(regions);
    }

    private static int parseId(String name, String value) {
        try {
            int id = Integer.parseInt(value.strip());
            if (id < 1 || id > SnowflakeGenerator.MAX_REGION_ID) {
                throw invalid("region '" + name + "' has id " + id + "; ids are 1.." + SnowflakeGenerator.MAX_REGION_ID + " (0 is control)");
            }
            return id;
        } catch (NumberFormatException e) {
            throw invalid("region '" + name + "' has id '" + value + "', not a number");
        }
    }

    private static RegionCategory parseCategory(String name, String value) {
        try {
            return RegionCategory.valueOf(value.strip().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid("region '" + name + "' has category '" + value + "'; use MULTI_TENANT or SINGLE_TENANT");
        }
    }

    private static InvalidRegionDirectoryException invalid(String reason) {
        return new InvalidRegionDirectoryException("Invalid region directory: " + reason);
    }

    public Optional<Region> find(String name) {
        return Optional.ofNullable(regions.get(name));
    }

    /** A region this server must know, or the reason it cannot start. */
    public Region require(String name) {
        return find(name).orElseThrow(() -> invalid("this server's region '" + name + "' is not in silo.regions "
                + regions.keySet()));
    }

    public List<Region> all() {
        return new ArrayList<>(regions.values());
    }

    /** The regions offered in the organization-creation dropdown. */
    public List<Region> visible() {
        return regions.values().stream().filter(Region::visible).toList();
    }
}
