package org.opengrievance.grievance;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code GRV-<year>-<6 digits>}. The digits come from a database sequence, so two nodes
 * never hand out the same number; they do not restart each year (a gap or a jump is harmless).
 */
@Component
public class CaseNumbers {

    public static final String PATTERN = "GRV-\\d{4}-\\d{6}";
    private static final String SEQUENCE = "grievance_case_number_seq";

    private final DataFieldMaxValueIncrementer sequence;

    CaseNumbers(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
        this.sequence = product.toLowerCase().contains("postgres")
                ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
    }

    public String next(int year) {
        return String.format("GRV-%04d-%06d", year, sequence.nextLongValue());
    }
}
