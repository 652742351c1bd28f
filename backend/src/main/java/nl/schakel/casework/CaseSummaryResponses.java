package nl.schakel.casework;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The PDF answer, the same for the UI and the API: named after the case, never cached.
 */
final class CaseSummaryResponses {

	private CaseSummaryResponses() {
	}

	static ResponseEntity<byte[]> pdf(PrintedCase summary, byte[] pdf) {
		String reference = summary.dossier().facts().reference();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("samenvatting-" + reference + ".pdf").build().toString())
			// content read under one reader's purpose: no shared or browser cache keeps a
			// copy
			.cacheControl(CacheControl.noStore())
			.body(pdf);
	}

}
