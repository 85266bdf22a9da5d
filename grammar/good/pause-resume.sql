PAUSE CSAS_CLICKS_0;
resume csas_clicks_0;
PAUSE ALL;
RESUME ALL;
-- still identifiers elsewhere
SELECT pause, resume FROM t;
