CREATE TABLE users (id STRING PRIMARY KEY, name STRING, age INTEGER)
  WITH (kafka_topic='users', value_format='JSON', key_format='KAFKA');
