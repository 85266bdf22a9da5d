-- Nexmark q3, local item suggestion. Flink's regular join keeps both sides forever; a
-- stream-stream join with a window longer than the run matches the same pairs (events are
-- insert-only, and an auction may name a seller created after it: Nexmark's id lead).
CREATE STREAM nexmark_q3 AS
  SELECT P.id AS seller, P.name AS name, P.city AS city, P.state AS state, A.id AS id
  FROM auction A JOIN person P WITHIN 3650 DAYS ON A.seller = P.id
  WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA');
SELECT name, city, state, id FROM nexmark_q3;
