package com.optoutbatch.optouts;

import java.util.List;

/** One line of an opt-out list from elsewhere: its cells, whatever their order. */
record OptOutListLine(String file, long line, List<String> cells) {
}
