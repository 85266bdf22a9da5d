-- a line comment before
/* a block comment
   spanning lines; with a semicolon inside */
SELECT /* inline */ a -- trailing
FROM t; -- after the terminator
