package io.silo.control.schema.service;

import io.silo.common.persistence.SchemaMigrator;
import io.silo.common.persistence.SiloDataSource;
import io.silo.common.silo.ControlSilo;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;

/** Brings the control schema up to date before the silo serves anything. */
@ControlSilo
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class ControlSchemaMigration {

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrator.migrate(dataSource, "control");
    }
}
