CREATE SOURCE STREAM clicks (url STRING) WITH (kafka_topic='clicks', value_format='JSON');
CREATE SOURCE TABLE profiles (id BIGINT PRIMARY KEY, bio STRING) WITH (kafka_topic='profiles', value_format='JSON');
CREATE OR REPLACE SOURCE STREAM clicks2 (url STRING) WITH (kafka_topic='clicks', value_format='JSON');
