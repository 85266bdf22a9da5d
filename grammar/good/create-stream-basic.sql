CREATE STREAM pageviews (viewtime BIGINT, userid VARCHAR, pageid STRING)
  WITH (kafka_topic='pageviews', value_format='JSON');
