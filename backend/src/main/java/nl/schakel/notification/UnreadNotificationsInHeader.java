package nl.schakel.notification;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the reader's unread count into every page that is rendered (not into API answers
 * or redirects, which have no header to show it in), for the layout's header.
 */
@Component
class UnreadNotificationsInHeader implements HandlerInterceptor, WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(UnreadNotificationsInHeader.class);

	private final Notifications notifications;

	UnreadNotificationsInHeader(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// not on error pages: a page that reports the database down must not wait for it
		// again
		registry.addInterceptor(this)
			.excludePathPatterns("/api/**", "/actuator/**", "/css/**", "/js/**", "/webjars/**", "/error", "/error/**");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || request.getDispatcherType() == DispatcherType.ERROR
				|| (modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"))) {
			return;
		}
		// who is signed in, as the page's model already names them for the header
		java.util.Optional.ofNullable(modelAndView.getModel().get("actor"))
			.filter(Actor.class::isInstance)
			.map(Actor.class::cast)
			.filter(Notifications::receivesNotifications)
			.ifPresent((actor) -> {
				try {
					modelAndView.addObject("unreadNotifications", this.notifications.unread(actor));
				}
				catch (DataAccessException | TransactionException ex) {
					// the page itself decides how a database failure shows; the count is
					// left out
					log.debug("Unread notifications not counted: {}", ex.getClass().getSimpleName());
				}
			});
	}

}
