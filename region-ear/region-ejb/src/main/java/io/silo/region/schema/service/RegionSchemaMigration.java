package io.silo.region.schema.service;

import io.silo.common.persistence.SchemaMigrator;
import io.silo.common.persistence.SiloDataSource;
import io.silo.common.silo.RegionSilo;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;

/** Brings the region schema up to date before the silo serves anything. */
@RegionSilo
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class RegionSchemaMigration {

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrator.migrate(dataSource, "region");
    }
}
