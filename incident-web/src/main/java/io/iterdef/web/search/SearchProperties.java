package io.iterdef.web.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's bounds on event searches (iterdef.search.*); the search timeout itself is iterdef.es.timeout.
 *
 * @param pageSize rows per results page when the URL does not say
 * @param maxPageSize the most rows one page may ask for
 * @param exportMaxRows the most rows one export streams (ITERDEF_SEARCH_EXPORT_MAX)
 * @param topValues values per field in the field sidebar
 * @param maxTotalHits how far hits are counted exactly; beyond it the page shows "10,000+"
 */
@ConfigurationProperties("iterdef.search")
public record SearchProperties(@DefaultValue("50") int pageSize, @DefaultValue("200") int maxPageSize,
		@DefaultValue("10000") int exportMaxRows, @DefaultValue("10") int topValues,
		@DefaultValue("10000") int maxTotalHits) {
}
