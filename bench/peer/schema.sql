-- The PostgreSQL side of bench/peer/run.sh: the columns of Kencana's observations and regions that the four queries
-- touch, loaded from the same generated rows. Smart comments open conditions and ordering to PostGraphile on the
-- columns the queries filter and order by; the B-tree indexes are the ones a PostgreSQL deployment would have.
CREATE TABLE regions (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL,
  parent_code text,
  province_code text
);

CREATE TABLE observations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_code text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  province_code text,
  year smallint NOT NULL,
  period text NOT NULL,
  value double precision NOT NULL,
  numerator double precision,
  denominator double precision,
  source_id text NOT NULL,
  is_preferred boolean NOT NULL,
  is_default boolean NOT NULL,
  is_synthetic boolean NOT NULL,
  data_version integer NOT NULL
);
