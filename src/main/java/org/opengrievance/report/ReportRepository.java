package org.opengrievance.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code monthly_report} and {@code monthly_report_file} (V18): each build, its PDF and XLSX with their SHA-256. */
@Repository
class ReportRepository {

    enum Kind {
        PDF, XLSX
    }

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long store(String month, String facility, Instant builtAt, String builtBy, String processInstanceId, byte[] pdf,
            byte[] xlsx) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO monthly_report (report_month, facility, built_at, built_by, process_instance_id) "
                + "VALUES (:m, :f, :at, :by, :pi)").param("m", month).param("f", facility)
                .param("at", OffsetDateTime.ofInstant(builtAt, ZoneOffset.UTC)).param("by", builtBy)
                .param("pi", processInstanceId).update(key, "id");
        long id = key.getKey().longValue();
        file(id, Kind.PDF, pdf);
        file(id, Kind.XLSX, xlsx);
        return id;
    }

    private void file(long id, Kind kind, byte[] content) {
        jdbc.sql("INSERT INTO monthly_report_file (report_id, kind, content, sha256) VALUES (:id, :k, :c, :h)")
                .param("id", id).param("k", kind.name()).param("c", content).param("h", sha256(content)).update();
    }

    List<StoredReport> list() {
        return jdbc.sql(SELECT + " ORDER BY r.report_month DESC, r.id DESC").query(ReportRepository::row).list();
    }

    Optional<StoredReport> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(ReportRepository::row).optional();
    }

    Optional<byte[]> content(long id, Kind kind) {
        return jdbc.sql("SELECT content FROM monthly_report_file WHERE report_id = :id AND kind = :k")
                .param("id", id).param("k", kind.name()).query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static final String SELECT = "SELECT r.id, r.report_month, r.facility, r.built_at, r.built_by, "
            + "r.process_instance_id, (SELECT sha256 FROM monthly_report_file p WHERE p.report_id = r.id AND p.kind = 'PDF'), "
            + "(SELECT sha256 FROM monthly_report_file x WHERE x.report_id = r.id AND x.kind = 'XLSX') "
            + "FROM monthly_report r";

    private static StoredReport row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
