-- s->* selects every field of a struct, also nested and qualified.
SELECT k, v->*, v->a->b->*, I.`V1`->* FROM t I;
