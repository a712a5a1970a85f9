package io.silo.control.integration.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An organization's installation of an {@link Integration}. {@code organizationId} is the plain id of control's
 * organization_mapping; the organization's region holds a replica of this row. Uninstalling keeps the row with
 * status UNINSTALLED and a higher version, so the replica learns of it and a re-install reuses the row.
 */
@Entity
@Table(name = "organization_integration")
@NamedQuery(name = OrganizationIntegration.BY_ORGANIZATION_AND_INTEGRATION, query = "SELECT oi FROM OrganizationIntegration oi"
        + " WHERE oi.organizationId = :organizationId AND oi.integrationId = :integrationId")
@NamedQuery(name = OrganizationIntegration.OF_ORGANIZATION, query = "SELECT oi FROM OrganizationIntegration oi"
        + " WHERE oi.organizationId = :organizationId AND oi.status <> :uninstalled ORDER BY oi.id")
@NamedQuery(name = OrganizationIntegration.ACTIVE_OF_INTEGRATION, query = "SELECT oi FROM OrganizationIntegration oi"
        + " WHERE oi.integrationId = :integrationId AND oi.status = :active ORDER BY oi.id")
@ControlSilo
public class OrganizationIntegration {

    public static final String BY_ORGANIZATION_AND_INTEGRATION = "OrganizationIntegration.byOrganizationAndIntegration";
    public static final String OF_ORGANIZATION = "OrganizationIntegration.ofOrganization";
    public static final String ACTIVE_OF_INTEGRATION = "OrganizationIntegration.activeOfIntegration";

    @Id
    private long id;

    @Column(name = "organization_id")
    private long organizationId;

    @Column(name = "integration_id")
    private long integrationId;

    @Convert(converter = OrganizationIntegrationStatusConverter.class)
    private OrganizationIntegrationStatus status;

    /** Organization-specific JSON settings, as text. */
    private String config;

    private long version;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected OrganizationIntegration() {
    }

    public static OrganizationIntegration install(long id, long organizationId, long integrationId, String config,
                                                  OffsetDateTime now) {
        OrganizationIntegration installation = new OrganizationIntegration();
        installation.id = id;
        installation.organizationId = organizationId;
        installation.integrationId = integrationId;
        installation.status = OrganizationIntegrationStatus.ACTIVE;
        installation.config = config;
        installation.version = 1;
        installation.createdAt = now;
        installation.updatedAt = now;
        return installation;
    }

    public long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public long integrationId() {
        return integrationId;
    }

    public OrganizationIntegrationStatus status() {
        return status;
    }

    public String config() {
        return config;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** Installs again (after an uninstall) or replaces the config of an active installation. */
    public void reinstall(String newConfig, OffsetDateTime now) {
        changeStatus(OrganizationIntegrationStatus.ACTIVE, now);
        this.config = newConfig;
    }

    public void uninstall(OffsetDateTime now) {
        changeStatus(OrganizationIntegrationStatus.UNINSTALLED, now);
    }

    private void changeStatus(OrganizationIntegrationStatus newStatus, OffsetDateTime now) {
        this.status = newStatus;
        this.version++;
        this.updatedAt = now;
    }
}
