SET 'auto.offset.reset' = 'earliest';
SET 'ksql.streams.cache.max.bytes.buffering'='0';
UNSET 'auto.offset.reset';
