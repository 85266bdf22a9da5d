CREATE STREAM nested (
  tags ARRAY<STRING>,
  scores MAP<STRING, DOUBLE>,
  address STRUCT<street STRING, zip INT, geo STRUCT<lat DOUBLE, lon DOUBLE>>,
  matrix ARRAY<ARRAY<INT>>,
  lookup MAP<STRING, ARRAY<STRUCT<id BIGINT, amount DECIMAL(12, 2)>>>,
  empty_struct STRUCT< >  -- not `STRUCT<>`: that lexes as the operator <>, as in ksqlDB
) WITH (kafka_topic='nested', value_format='JSON');
