-- ksqlDB allows leaving out the column list when the schema is inferred.
CREATE STREAM inferred WITH (kafka_topic='inferred', value_format='AVRO');
CREATE TABLE inferred_table WITH (kafka_topic='inferred2', value_format='PROTOBUF');
