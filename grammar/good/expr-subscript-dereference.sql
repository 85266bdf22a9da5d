SELECT arr[1], arr[-1], m['key'], s->field, s->inside->deep, t.s->f, arr[1]->f, ARRAY[1, 2][1],
  s->items[2]->name FROM t;
