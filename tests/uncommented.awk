# Prints "FILE:LINE: NAME" for each function a header declares without a
# comment saying what it is for: a comment must end on the line just above
# the declaration, or at the end of its last line.  Used by
# tests/e2e/headers.sh.  Declarations inside braces (struct members,
# function pointers) and preprocessor lines are not functions.
function flush() {
	if (stmt ~ /^[A-Za-z_]/ && stmt !~ /^(typedef|extern) / &&
	    stmt !~ /\(\*/ && stmt ~ /\)[^()]*;[ \t]*(\/\*.*\*\/)?[ \t]*$/ &&
	    match(stmt, /[A-Za-z_][A-Za-z_0-9]*[ \t]*\(/)) {
		name = substr(stmt, RSTART, RLENGTH)
		sub(/[ \t]*\($/, "", name)
		if (!above && stmt !~ /;[ \t]*\/\*.*\*\/[ \t]*$/)
			printf "%s:%d: %s\n", FILENAME, start, name
	}
	stmt = ""
}
FNR == 1 { depth = 0; incom = 0; stmt = ""; lastcom = 0 }
incom {
	if ($0 ~ /\*\//) {
		incom = 0
		lastcom = FNR
	}
	next
}
/^[ \t]*\/\*/ {
	if ($0 ~ /\*\//)
		lastcom = FNR
	else
		incom = 1
	next
}
/^[ \t]*#/ {
	while ($0 ~ /\\$/ && (getline) > 0)
		;
	next
}
/^[ \t]*$/ { next }
{
	if (stmt == "" && depth == 0) {
		start = FNR
		above = lastcom == FNR - 1
	}
	if (depth == 0)
		stmt = stmt (stmt == "" ? "" : " ") $0
	t = $0
	gsub(/"([^"\\]|\\.)*"/, "", t)
	gsub(/\/\*.*\*\//, "", t)
	o = gsub(/\{/, "{", t)
	depth += o - gsub(/\}/, "}", t)
	if (o > 0)
		stmt = ""
	else if (depth == 0 && t ~ /;[ \t]*$/)
		flush()
}
