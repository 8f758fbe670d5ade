package org.yimen.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yimen.catalog.ServiceItem.Channel;
import org.yimen.catalog.ServiceItem.Fee;
import org.yimen.catalog.ServiceItem.Material;
import org.yimen.catalog.ServiceItem.SpecialProcedure;
import org.yimen.catalog.ServiceItem.Stage;
import org.yimen.catalog.ServiceItem.Status;
import org.yimen.catalog.ServiceItem.Theme;
import org.yimen.catalog.ServiceItem.Type;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The catalog in {@code cat_item} and {@code cat_item_version}; read by everyone, written by the administration. */
@Repository
class JdbcCatalog implements Catalog {

    /** One line of the administrators' list: the newest version and the one in force. */
    record AdminRow(String code, String name, long departmentId, int latestVersion, Status latestStatus,
            @Nullable Integer inForce) {
    }

    private static final String COLUMNS = """
            i.code, v.version, v.status, v.name, v.item_type, v.department_id, v.legal_basis, v.conditions,
            v.procedure_text, v.materials, v.stages, v.consulted_department_ids, v.special_procedures,
            v.statutory_days, v.promised_days, v.extension_days, v.fees, v.channels, v.max_visits, v.place, v.hours,
            v.consultation_phone, v.complaint_phone, v.result_pickup, v.keywords, v.themes, v.created_at,
            v.published_at""";
    private static final String FROM = " from cat_item_version v join cat_item i on i.id = v.item_id ";
    /** Search results per page. */
    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ServiceItem> publishedItem(String code) {
        return jdbc.sql("select " + COLUMNS + FROM + "where i.code = ? and v.status = 'PUBLISHED'")
                .param(code).query(this::item).optional();
    }

    @Override
    public java.util.OptionalInt publishedVersion(String code) {
        return jdbc.sql("""
                select v.version from cat_item_version v join cat_item i on i.id = v.item_id
                where i.code = ? and v.status = 'PUBLISHED'""")
                .param(code).query(Integer.class).optional()
                .map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
    }

    @Override
    public Optional<ServiceItem> itemVersion(String code, int version) {
        return jdbc.sql("select " + COLUMNS + FROM + "where i.code = ? and v.version = ?")
                .params(code, version).query(this::item).optional();
    }

    @Override
    public List<ServiceSummary> search(String query, @Nullable Long departmentId, @Nullable Theme theme) {
        return search(query, departmentId, theme, 0);
    }

    /**
     * A page of {@link #PAGE_SIZE} items in force matching the query, best first: name matches before keyword
     * matches, then by trigram similarity. ILIKE with a pattern: the trigram index serves three characters or more,
     * a scan serves fewer (still correct for two-character Chinese words such as 用地).
     */
    List<ServiceSummary> search(String query, @Nullable Long departmentId, @Nullable Theme theme, int offset) {
        var where = where(query, departmentId, theme);
        String q = query.strip();
        String order = q.isEmpty() ? " order by v.department_id, i.code"
                : " order by (position(lower(:q) in lower(v.name)) > 0) desc, similarity(v.search_text, :q) desc,"
                        + " i.code";
        return jdbc.sql("""
                select i.code, v.version, v.name, v.item_type, v.department_id, v.statutory_days, v.promised_days,
                       v.themes, not jsonb_path_exists(v.fees, '$[*] ? (@.free == false)') as free""" + FROM
                        + where.sql + order + " limit " + PAGE_SIZE + " offset " + Math.max(0, offset))
                .params(where.params)
                .query((rs, row) -> new ServiceSummary(rs.getString("code"), rs.getInt("version"),
                        rs.getString("name"), Type.valueOf(rs.getString("item_type")), rs.getLong("department_id"),
                        rs.getInt("statutory_days"), rs.getInt("promised_days"), rs.getBoolean("free"),
                        Arrays.stream((String[]) array(rs.getArray("themes"))).map(Theme::valueOf).toList()))
                .list();
    }

    /** How many items in force match, for "showing 50 of 381". */
    int count(String query, @Nullable Long departmentId, @Nullable Theme theme) {
        var where = where(query, departmentId, theme);
        return jdbc.sql("select count(*)" + FROM + where.sql).params(where.params).query(Integer.class).single();
    }

    /** Items in force per department, for browsing. */
    Map<Long, Long> countPerDepartment() {
        var counts = new LinkedHashMap<Long, Long>();
        jdbc.sql("select department_id, count(*) from cat_item_version where status = 'PUBLISHED'"
                        + " group by department_id")
                .query((RowCallbackHandler) rs -> counts.put(rs.getLong(1),
                        rs.getLong(2)));
        return counts;
    }

    /** Items in force per theme, for browsing. */
    Map<Theme, Long> countPerTheme() {
        var counts = new EnumMap<Theme, Long>(Theme.class);
        jdbc.sql("select t, count(*) from cat_item_version, unnest(themes) as t where status = 'PUBLISHED'"
                        + " group by t")
                .query((RowCallbackHandler) rs -> counts.put(
                        Theme.valueOf(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(String query, @Nullable Long departmentId, @Nullable Theme theme) {
        String q = query.strip();
        var sql = new StringBuilder(" where v.status = 'PUBLISHED'");
        var params = new HashMap<String, Object>();
        if (!q.isEmpty()) {
            sql.append(" and v.search_text ilike :pattern escape '\\'");
            params.put("pattern", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("q", q);
        }
        if (departmentId != null) {
            sql.append(" and v.department_id = :department");
            params.put("department", departmentId);
        }
        if (theme != null) {
            sql.append(" and :theme = any(v.themes)");
            params.put("theme", theme.name());
        }
        return new Where(sql.toString(), params);
    }

    /** Every version in force, for the fee schedule and the export. */
    List<ServiceItem> allPublished() {
        return jdbc.sql("select " + COLUMNS + FROM + "where v.status = 'PUBLISHED' order by v.department_id, i.code")
                .query(this::item).list();
    }

    /** The open draft of every item that has one, for the export. */
    List<ServiceItem> allDrafts() {
        return jdbc.sql("select " + COLUMNS + FROM + "where v.status = 'DRAFT' order by i.code").query(this::item)
                .list();
    }

    /** Items whose newest version is retired (and which have no draft), for the export. */
    List<ServiceItem> allRetired() {
        return jdbc.sql("select " + COLUMNS + FROM + """
                where v.status = 'RETIRED'
                  and v.version = (select max(version) from cat_item_version w where w.item_id = v.item_id)
                order by i.code""").query(this::item).list();
    }

    /** The newest version of an item: its open draft if it has one, else the last one published. */
    Optional<ServiceItem> latest(String code) {
        return jdbc.sql("select " + COLUMNS + FROM + "where i.code = ? order by v.version desc limit 1")
                .param(code).query(this::item).optional();
    }

    /** Every version of an item, newest first. */
    List<ServiceItem> versions(String code) {
        return jdbc.sql("select " + COLUMNS + FROM + "where i.code = ? order by v.version desc").param(code)
                .query(this::item).list();
    }

    List<AdminRow> adminRows() {
        return jdbc.sql("""
                select i.code, v.name, v.department_id, v.version, v.status, i.published_version
                from cat_item i join cat_item_version v on v.item_id = i.id
                where v.version = (select max(version) from cat_item_version w where w.item_id = i.id)
                order by i.code""")
                .query((rs, row) -> new AdminRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        Status.valueOf(rs.getString(5)), rs.getObject(6, Integer.class)))
                .list();
    }

    boolean exists(String code) {
        return jdbc.sql("select exists (select 1 from cat_item where code = ?)").param(code).query(Boolean.class)
                .single();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from cat_item)").query(Boolean.class).single();
    }

    /**
     * The item's life as it stands, read after locking the item's row until the transaction ends, so two changes to
     * one item (on any node) queue up and the second sees what the first did.
     */
    Optional<ItemLifecycle> lockLifecycle(String code) {
        var locked = jdbc.sql("select id from cat_item where code = ? for update").param(code).query(Long.class)
                .optional();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select i.code, v.version, v.status, i.published_version
                from cat_item i join cat_item_version v on v.item_id = i.id
                where i.id = ? order by v.version desc limit 1""")
                .param(locked.get())
                .query((rs, row) -> new ItemLifecycle(rs.getString(1), rs.getInt(2), Status.valueOf(rs.getString(3)),
                        rs.getObject(4, Integer.class)))
                .optional();
    }

    void insertItem(String code, Instant now) {
        jdbc.sql("insert into cat_item (code, created_at) values (?, ?)").params(code, Timestamp.from(now)).update();
    }

    /** Writes the draft version: the open draft is overwritten, a new version number is inserted. */
    void writeDraft(String code, int version, GuideContent c, Instant now) {
        long item = jdbc.sql("select id from cat_item where code = ?").param(code).query(Long.class).single();
        jdbc.sql("delete from cat_item_version where item_id = ? and version = ? and status = 'DRAFT'")
                .params(item, version).update();
        jdbc.sql("""
                insert into cat_item_version (item_id, version, status, name, item_type, department_id, legal_basis,
                    conditions, procedure_text, statutory_days, promised_days, extension_days, max_visits, place, hours,
                    consultation_phone, complaint_phone, result_pickup, keywords, channels, themes,
                    consulted_department_ids, materials, stages, special_procedures, fees, search_text, created_at)
                values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb,
                    ?::jsonb, ?::jsonb, ?, ?)""")
                .params(item, version, c.name(), c.type().name(), c.departmentId(), c.legalBasis(), c.conditions(),
                        c.procedure(), c.statutoryDays(), c.promisedDays(), c.extensionDays(), c.maxVisits(),
                        c.place(), c.hours(),
                        c.consultationPhone(), c.complaintPhone(), c.resultPickup(), c.keywords(),
                        c.channels().stream().map(Enum::name).toArray(String[]::new),
                        c.themes().stream().map(Enum::name).toArray(String[]::new),
                        c.consultedDepartmentIds().toArray(Long[]::new),
                        json.writeValueAsString(c.materials()), json.writeValueAsString(c.stages()),
                        json.writeValueAsString(c.specialProcedures()), json.writeValueAsString(c.fees()),
                        c.searchText(code), Timestamp.from(now))
                .update();
    }

    void publish(String code, ItemLifecycle.Publication publication, Instant now) {
        if (publication.superseded() != null) {
            setStatus(code, publication.superseded(), Status.SUPERSEDED);
        }
        setStatus(code, publication.version(), Status.PUBLISHED);
        jdbc.sql("update cat_item set published_version = ? where code = ?").params(publication.version(), code)
                .update();
        touch(code, "published_at", publication.version(), now);
    }

    void retire(String code, int version, Instant now) {
        setStatus(code, version, Status.RETIRED);
        jdbc.sql("update cat_item set published_version = null where code = ?").param(code).update();
        touch(code, "retired_at", version, now);
    }

    private void setStatus(String code, int version, Status status) {
        jdbc.sql("""
                update cat_item_version set status = ?
                where item_id = (select id from cat_item where code = ?) and version = ?""")
                .params(status.name(), code, version).update();
    }

    private void touch(String code, String column, int version, Instant now) {
        jdbc.sql("update cat_item_version set " + column + " = ?"
                + " where item_id = (select id from cat_item where code = ?) and version = ?")
                .params(Timestamp.from(now), code, version).update();
    }

    private ServiceItem item(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new ServiceItem(rs.getString("code"), rs.getInt("version"), Status.valueOf(rs.getString("status")),
                rs.getString("name"), Type.valueOf(rs.getString("item_type")), rs.getLong("department_id"),
                rs.getString("legal_basis"), rs.getString("conditions"), rs.getString("procedure_text"),
                json.readValue(rs.getString("materials"), new TypeReference<List<Material>>() { }),
                json.readValue(rs.getString("stages"), new TypeReference<List<Stage>>() { }),
                Arrays.asList((Long[]) array(rs.getArray("consulted_department_ids"))),
                json.readValue(rs.getString("special_procedures"), new TypeReference<List<SpecialProcedure>>() { }),
                rs.getInt("statutory_days"), rs.getInt("promised_days"), rs.getObject("extension_days", Integer.class),
                json.readValue(rs.getString("fees"), new TypeReference<List<Fee>>() { }),
                Arrays.stream((String[]) array(rs.getArray("channels"))).map(Channel::valueOf).toList(),
                rs.getInt("max_visits"), rs.getString("place"), rs.getString("hours"),
                rs.getString("consultation_phone"), rs.getString("complaint_phone"), rs.getString("result_pickup"),
                rs.getString("keywords"),
                Arrays.stream((String[]) array(rs.getArray("themes"))).map(Theme::valueOf).toList(),
                rs.getTimestamp("created_at").toInstant(), published == null ? null : published.toInstant());
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
