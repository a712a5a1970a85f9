package io.silo.common.region;

/** Whether a region hosts many customers' organizations or is dedicated to one. */
public enum RegionCategory {
    MULTI_TENANT,
    SINGLE_TENANT
}
