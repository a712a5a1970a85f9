package io.silo.region.team.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/** A team of an organization's members; projects belong to teams. */
@Entity
@Table(name = "team")
@NamedQuery(name = Team.BY_SLUG, query = "SELECT t FROM Team t WHERE t.organizationId = :organizationId"
        + " AND t.slug = :slug")
@NamedQuery(name = Team.OF_ORGANIZATION, query = "SELECT t FROM Team t WHERE t.organizationId = :organizationId"
        + " AND t.id < :before AND t.id > :after ORDER BY t.id DESC")
@NamedQuery(name = Team.ALL_OF_ORGANIZATION, query = "SELECT t FROM Team t WHERE t.organizationId = :organizationId"
        + " ORDER BY t.slug")
@RegionSilo
public class Team {

    public static final String BY_SLUG = "Team.bySlug";
    public static final String OF_ORGANIZATION = "Team.ofOrganization";
    public static final String ALL_OF_ORGANIZATION = "Team.allOfOrganization";

    @Id
    private long id;

    @Column(name = "organization_id")
    private long organizationId;

    private String slug;

    private String name;

    /** The organization members (their membership ids) on this team. */
    @ElementCollection
    @CollectionTable(name = "team_member", joinColumns = @JoinColumn(name = "team_id"))
    @Column(name = "member_id")
    private Set<Long> memberIds = new HashSet<>();

    @Column(name = "date_created")
    private OffsetDateTime dateCreated;

    @Version
    private long version;

    protected Team() {
    }

    public Team(long id, long organizationId, String slug, String name, OffsetDateTime now) {
        this.id = id;
        this.organizationId = organizationId;
        this.slug = slug;
        this.name = name;
        this.dateCreated = now;
    }

    public long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Set<Long> memberIds() {
        return Set.copyOf(memberIds);
    }

    public OffsetDateTime dateCreated() {
        return dateCreated;
    }

    public long version() {
        return version;
    }

    public void rename(String newSlug, String newName) {
        this.slug = newSlug;
        this.name = newName;
    }

    public void addMember(long memberId) {
        memberIds.add(memberId);
    }

    public void removeMember(long memberId) {
        memberIds.remove(memberId);
    }
}
