SELECT a AS key, b value, c AS timestamp FROM events AS source WHERE source.key = 'x';
