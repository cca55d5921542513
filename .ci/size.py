#!/usr/bin/env python3
"""Where the wasm's bytes go: code by category, or the biggest functions of one category.

Usage: size.py APP_BG.wasm [CATEGORY [N]]

Reads the code section and the name section (build with `wasm-bindgen --keep-debug` and `wasm-opt -g`, as
.ci/size.sh does), demangles the legacy Rust symbols and files each function under the first category whose
pattern its name matches. Sizes are raw bytes of code; gzip takes about 40% of them off.
"""
import collections
import re
import sys

CATEGORIES = [
    ('serde-derive', r'serde.*(Deserialize|Serialize|Visitor)|_::<impl serde|__Field|__Visitor|serde_core::de::'
                     r'|serde_core::ser::|DeserializeSeed|SerializeStruct|SerializeMap'),
    ('serde_json', r'serde_json'),
    ('bincode', r'bincode'),
    ('view', r'CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view|FunctionComponent'
             r'|::create::\{\{closure'),
    ('yew', r'yew'),
    ('sim', r'journey_sim::sim'),
    ('store', r'journey_sim::store'),
    ('app::charts', r'journey_sim::app::charts'),
    ('app::analysis', r'journey_sim::app::analysis'),
    ('app', r'journey_sim::app'),
    ('plotters', r'plotters'),
    ('wasm_bindgen/web_sys/js', r'wasm_bindgen|web_sys|js_sys'),
    ('fmt', r'fmt|flt2dec|dec2flt|Display|Debug'),
    ('alloc/collections', r'alloc|hashbrown|dlmalloc|Vec|BTree'),
    ('core', r'core'),
]


def leb(data, i):
    """Reads an unsigned LEB128 number at i; returns it and the index after it."""
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def skip_name(data, i):
    n, i = leb(data, i)
    return i + n


def skip_limits(data, i):
    """Skips a table's or memory's limits (flags, minimum, maximum if flagged); returns the index after."""
    flags, i = leb(data, i)
    _, i = leb(data, i)
    if flags & 1:
        _, i = leb(data, i)
    return i


def parts(data, i, end):
    """The parts of a module's sections (or of a name section's subsections) from i to end: each an id
    byte and a LEB128 size; yields (id, start of its content, end of its content)."""
    while i < end:
        size, start = leb(data, i + 1)
        yield data[i], start, start + size
        i = start + size


def read_module(data):
    """Returns (sections {id: size}, function body sizes, {function index: name}, imported function count)."""
    imported, bodies, names, sections = 0, [], {}, collections.Counter()
    for sid, i, end in parts(data, 8, len(data)):
        if sid == 2:
            count, j = leb(data, i)
            for _ in range(count):
                j = skip_name(data, skip_name(data, j))
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported += 1
                elif kind == 1:
                    j = skip_limits(data, j + 1)
                elif kind == 2:
                    j = skip_limits(data, j)
                else:
                    j += 2
        elif sid == 10:
            count, j = leb(data, i)
            for _ in range(count):
                n, k = leb(data, j)
                bodies.append(n + k - j)
                j = k + n
        elif sid == 0:
            n, j = leb(data, i)
            custom = data[j:j + n].decode()
            j += n
            sid = 'custom:' + custom
            for sub, j, _ in parts(data, j, end if custom == 'name' else j):
                if sub == 1:
                    count, j = leb(data, j)
                    for _ in range(count):
                        index, j = leb(data, j)
                        n, j = leb(data, j)
                        names[index] = data[j:j + n].decode('utf-8', 'replace')
                        j += n
        sections[sid] += end - i
    return sections, bodies, names, imported


def demangle(symbol):
    """Legacy Rust mangling (_ZN…E) to a readable path, hash dropped; other names unchanged."""
    m = re.match(r'_ZN(.*)E$', symbol)
    if not m:
        return re.sub(r'::h[0-9a-f]{16}$', '', symbol)
    rest, parts = m.group(1), []
    while rest and rest[0].isdigit():
        digits = re.match(r'\d+', rest).group(0)
        n = int(digits)
        parts.append(rest[len(digits):len(digits) + n])
        rest = rest[len(digits) + n:]
    if parts and re.match(r'h[0-9a-f]{16}$', parts[-1]):
        parts.pop()
    text = '::'.join(parts)
    for code, char in [('$LT$', '<'), ('$GT$', '>'), ('$u20$', ' '), ('$RF$', '&'), ('$C$', ','),
                       ('$u7b$', '{'), ('$u7d$', '}'), ('..', '::')]:
        text = text.replace(code, char)
    return text


def category(name):
    for label, pattern in CATEGORIES:
        if re.search(pattern, name):
            return label
    return 'other'


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sections, bodies, names, imported = read_module(open(sys.argv[1], 'rb').read())
    wanted = sys.argv[2] if len(sys.argv) > 2 else None
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    totals, members = collections.Counter(), collections.defaultdict(list)
    for index, size in enumerate(bodies):
        name = demangle(names.get(index + imported, '?'))
        label = category(name)
        totals[label] += size
        members[label].append((size, name))
    if wanted:
        for size, name in sorted(members[wanted], reverse=True)[:limit]:
            print(f'{size:8d} {name[:200]}')
        return
    print(f"code {sections[10]:,} bytes in {len(bodies):,} functions; data {sections[11]:,} bytes")
    for label, size in totals.most_common():
        print(f'{size:8,d} {label}')


if __name__ == '__main__':
    main()
