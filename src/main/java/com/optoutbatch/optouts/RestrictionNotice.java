package com.optoutbatch.optouts;

import java.time.OffsetDateTime;

/**
 * Amazon's notice that the account's proactive messages were blocked.
 *
 * @param key the notice's Message-ID, or where it was found when it has none
 * @param marketplace the marketplace it came from, {@code null} when unknown
 */
public record RestrictionNotice(String key, String marketplace, OffsetDateTime noticedAt, String evidence) {
}
