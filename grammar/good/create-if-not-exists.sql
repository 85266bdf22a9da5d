CREATE STREAM IF NOT EXISTS events (id BIGINT) WITH (kafka_topic='events', value_format='JSON');
CREATE TABLE IF NOT EXISTS totals (k STRING PRIMARY KEY, n BIGINT) WITH (kafka_topic='totals', value_format='JSON');
