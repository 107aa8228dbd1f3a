// The Gremlin language module: lexer, parser, AST, printer (in progress).
