package nl.schakel.benchmark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import nl.schakel.security.Actor;
import nl.schakel.security.ActorPrincipal;
import nl.schakel.security.DemoAccounts;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * More professionals of one organisation than the demo has: {@code ggz~7} logs in as a
 * seventh care professional of ggz-midden (password {@code demo}), admitted wherever the
 * organisation is admitted for all its professionals, as the generated cases admit it. A
 * safety house's partners read as many people, not as one account: with every client of a
 * load run logged in as {@code ggz}, every read waits for the one professional's
 * bulk-read bucket row, which a real day never does.
 */
final class BenchAccounts {

	static final String SEPARATOR = "~";

	private BenchAccounts() {
	}

	/**
	 * The account a load client reads as: the user itself, or one of {@code accounts}
	 * like it.
	 */
	static String account(String user, int client, int accounts) {
		return (accounts <= 1) ? user : user + SEPARATOR + (client % accounts);
	}

	static BeanPostProcessor postProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof UserDetailsService accounts) || Proxy.isProxyClass(bean.getClass())) {
					return bean;
				}
				return Proxy.newProxyInstance(bean.getClass().getClassLoader(), bean.getClass().getInterfaces(),
						(proxy, method, args) -> {
							if (method.getName().equals("loadUserByUsername") && args[0] instanceof String name
									&& name.contains(SEPARATOR)) {
								return another(accounts, name);
							}
							try {
								return method.invoke(bean, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}
		};
	}

	private static UserDetails another(UserDetailsService accounts, String name) {
		String like = name.substring(0, name.indexOf(SEPARATOR));
		UserDetails original = accounts.loadUserByUsername(like);
		Actor actor = ((ActorPrincipal) original).actor();
		Actor colleague = new Actor(name, actor.displayName() + " " + name.substring(name.indexOf(SEPARATOR) + 1),
				actor.organisation(), actor.roles());
		return new DemoAccounts.DemoUser(colleague, original.getPassword());
	}

}
