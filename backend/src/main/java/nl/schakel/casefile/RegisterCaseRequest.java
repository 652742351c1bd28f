package nl.schakel.casefile;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import nl.schakel.person.ValidBsn;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A referral to register: the person and the kind of case. One class serves the form and the
 * API body so both are validated by the same rules and report the same field names
 * ({@code person.name}, {@code person.bsn}, {@code caseType}, ...).
 */
public class RegisterCaseRequest {

	@Valid
	@NotNull(message = "{case.person.required}")
	private PersonDetails person = new PersonDetails();

	@NotNull(message = "{case.caseType.required}")
	private CaseType caseType;

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

	public static class PersonDetails {

		@NotBlank(message = "{person.name.required}")
		@Size(max = 200, message = "{person.name.size}")
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
