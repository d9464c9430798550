-- After the COPY: indexes, statistics and the smart comments PostGraphile reads.
CREATE INDEX observations_region ON observations (region_code);
CREATE INDEX observations_indicator_province_year ON observations (indicator_code, province_code, year);
CREATE INDEX regions_level ON regions (level);
COMMENT ON COLUMN observations.is_default IS E'@behavior +filterBy +orderBy';
COMMENT ON COLUMN observations.year IS E'@behavior +filterBy +orderBy +groupBy';
COMMENT ON COLUMN observations.period IS E'@behavior +filterBy +orderBy';
COMMENT ON COLUMN observations.indicator_code IS E'@behavior +filterBy';
COMMENT ON COLUMN observations.province_code IS E'@behavior +filterBy';
COMMENT ON COLUMN regions.level IS E'@behavior +filterBy';
VACUUM ANALYZE;
