package nl.schakel.retention;

import java.util.UUID;

import nl.schakel.crypto.CaseKeyDestroyedException;
import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Whatever path reaches the destroyed key of an erased case — a feature whose URL does
 * not name the case, a second instance whose cache still held the key — answers 410
 * {@code case-erased}, in the API before the generic catch-all can make it a 500, and on
 * pages as the erased page; also when the exception arrives wrapped.
 */
class DestroyedCaseKeyAnswersGoneTest {

	@Test
	void anApiCallThatMeetsADestroyedKeyAnswersGoneNotInternalError() throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new Sealing())
			.setControllerAdvice(new CatchAll(), new ErasedCaseAnswers())
			.build();
		mvc.perform(get("/api/v1/sealing"))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-erased"));
		mvc.perform(get("/api/v1/sealing-wrapped"))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-erased"));
	}

	@Test
	void aPageThatMeetsADestroyedKeyGetsTheErasedPage() throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new SealingPage())
			.setHandlerExceptionResolvers(ErasedCases.resolver())
			.build();
		mvc.perform(get("/meetings/minutes")).andExpect(status().isGone());

		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(ErasedCases.resolver()
			.resolveException(new MockHttpServletRequest("GET", "/cases/x"), response, null,
					new IllegalStateException("anders")))
			.isNull();
	}

	@RestController
	static class Sealing {

		@GetMapping("/api/v1/sealing")
		String seal() {
			throw new CaseKeyDestroyedException(UUID.randomUUID());
		}

		@GetMapping("/api/v1/sealing-wrapped")
		String sealWrapped() {
			throw new IllegalStateException("flush failed", new CaseKeyDestroyedException(UUID.randomUUID()));
		}

	}

	@Controller
	static class SealingPage {

		@GetMapping("/meetings/minutes")
		String minutes() {
			throw new CaseKeyDestroyedException(UUID.randomUUID());
		}

	}

	// stands in for the application's generic handler, which answers every exception
	@RestControllerAdvice(annotations = RestController.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class CatchAll {

		@ExceptionHandler(Exception.class)
		ResponseEntity<String> unexpected(Exception ex) {
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("internal-error");
		}

	}

}
