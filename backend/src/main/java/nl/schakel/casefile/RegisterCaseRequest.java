package nl.schakel.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.schakel.person.ValidBsn;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A referral to register: the person and the kind of case. One class serves the form and
 * the API body so both are validated by the same rules and report the same field names
 * ({@code person.name}, {@code person.bsn}, {@code caseType}, ...).
 */
public class RegisterCaseRequest {

	@Valid
	@NotNull(message = "{case.person.required}")
	private PersonDetails person = new PersonDetails();

	@NotNull(message = "{case.caseType.required}")
	private CaseType caseType;

	/** Who referred and why; the API may leave it out for a coordinator's own signal. */
	@Valid
	private ReferralForm referral;

	/**
	 * The coordinator's confirmation, after being told which details differ, that the
	 * person registered under this BSN with another name or date of birth is the person
	 * referred.
	 */
	private boolean samePersonConfirmed;

	public PersonDetails getPerson() {
		return this.person;
	}

	public void setPerson(PersonDetails person) {
		this.person = person;
	}

	public CaseType getCaseType() {
		return this.caseType;
	}

	public void setCaseType(CaseType caseType) {
		this.caseType = caseType;
	}

	public boolean isSamePersonConfirmed() {
		return this.samePersonConfirmed;
	}

	public void setSamePersonConfirmed(boolean samePersonConfirmed) {
		this.samePersonConfirmed = samePersonConfirmed;
	}

	public ReferralForm getReferral() {
		return this.referral;
	}

	public void setReferral(ReferralForm referral) {
		this.referral = referral;
	}

	/**
	 * The referral: who refers, the reason and goal, whom to invite, whether the person
	 * knows.
	 */
	@InformedOrExplained
	public static class ReferralForm {

		@NotBlank(message = "{referral.referringOrganisation.required}")
		private String referringOrganisation;

		@NotBlank(message = "{referral.referringProfessional.required}")
		@Size(max = 200, message = "{referral.referringProfessional.size}")
		@Pattern(regexp = "[^\\r\\n\\t]*", message = "{text.lineBreakInName}")
		private String referringProfessional;

		@NotBlank(message = "{referral.reason.required}")
		@Size(max = 4000, message = "{referral.text.size}")
		private String reason;

		@NotBlank(message = "{referral.goal.required}")
		@Size(max = 4000, message = "{referral.text.size}")
		private String goal;

		private List<String> invitedPartners = new ArrayList<>();

		@NotNull(message = "{referral.personInformed.required}")
		private Boolean personInformed;

		@Size(max = 2000, message = "{referral.text.size}")
		private String notInformedReason;

		public String getReferringOrganisation() {
			return this.referringOrganisation;
		}

		public void setReferringOrganisation(String referringOrganisation) {
			this.referringOrganisation = referringOrganisation;
		}

		public String getReferringProfessional() {
			return this.referringProfessional;
		}

		public void setReferringProfessional(String referringProfessional) {
			this.referringProfessional = referringProfessional;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

		public String getGoal() {
			return this.goal;
		}

		public void setGoal(String goal) {
			this.goal = goal;
		}

		public List<String> getInvitedPartners() {
			return this.invitedPartners;
		}

		public void setInvitedPartners(List<String> invitedPartners) {
			this.invitedPartners = invitedPartners;
		}

		public Boolean getPersonInformed() {
			return this.personInformed;
		}

		public void setPersonInformed(Boolean personInformed) {
			this.personInformed = personInformed;
		}

		public String getNotInformedReason() {
			return this.notInformedReason;
		}

		public void setNotInformedReason(String notInformedReason) {
			this.notInformedReason = notInformedReason;
		}

		@Override
		public String toString() {
			return "ReferralForm[" + this.referringOrganisation + "]";
		}

	}

	/**
	 * A person who was not informed of the referral needs a reason why not, at that
	 * field.
	 */
	@Documented
	@Constraint(validatedBy = InformedOrExplained.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	public @interface InformedOrExplained {

		String message() default "{referral.notInformedReason.required}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<InformedOrExplained, ReferralForm> {

			@Override
			public boolean isValid(ReferralForm referral, ConstraintValidatorContext context) {
				if (!Boolean.FALSE.equals(referral.getPersonInformed())
						|| (referral.getNotInformedReason() != null && !referral.getNotInformedReason().isBlank())) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("notInformedReason")
					.addConstraintViolation();
				return false;
			}

		}

	}

	public static class PersonDetails {

		@NotBlank(message = "{person.name.required}")
		@Size(max = 200, message = "{person.name.size}")
		@Pattern(regexp = "[^\\r\\n\\t]*", message = "{text.lineBreakInName}")
		private String name;

		@NotNull(message = "{person.dateOfBirth.required}")
		@Past(message = "{person.dateOfBirth.past}")
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate dateOfBirth;

		@ValidBsn
		private String bsn;

		@Size(max = 300, message = "{person.address.size}")
		private String address;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public LocalDate getDateOfBirth() {
			return this.dateOfBirth;
		}

		public void setDateOfBirth(LocalDate dateOfBirth) {
			this.dateOfBirth = dateOfBirth;
		}

		public String getBsn() {
			return this.bsn;
		}

		public void setBsn(String bsn) {
			this.bsn = bsn;
		}

		public String getAddress() {
			return this.address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		@Override
		public String toString() {
			// the BSN and the address never go into a log line
			return "PersonDetails[name=" + this.name + "]";
		}

	}

}
